import { View, Text } from '@tarojs/components'
import { useT } from '../i18n'

export interface BannerMessage { zh: string; en: string; code?: string }

/**
 * The visible error banner, in the person's language: what went wrong and what to do (the server's
 * messages say both). Never the error code (issue 12); it is in `data-code` for support and tests.
 * Every failed call and every refused input ends up here; nothing is swallowed silently.
 */
export function ErrorBanner({ error, onClose }: { error: BannerMessage | null; onClose?: () => void }) {
  const t = useT()
  if (!error) return null
  return (
    <View id='error-banner' className='error-banner' data-code={error.code}>
      <View className='error-banner__text'>
        <Text className='error-banner__zh'>{t(error)}</Text>
      </View>
      {onClose ? <Text className='error-banner__close' onClick={onClose}>×</Text> : null}
    </View>
  )
}
