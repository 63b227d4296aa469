import { View, Text } from '@tarojs/components'

export interface BannerMessage { zh: string; en: string; code?: string }

/**
 * The visible error banner: Chinese first, English below. Every failed call and every refused
 * input ends up here; nothing is swallowed silently.
 */
export function ErrorBanner({ error, onClose }: { error: BannerMessage | null; onClose?: () => void }) {
  if (!error) return null
  return (
    <View id='error-banner' className='error-banner'>
      <View className='error-banner__text'>
        <Text className='error-banner__zh'>{error.zh}</Text>
        <Text className='error-banner__en'>{error.en}{error.code ? ` (${error.code})` : ''}</Text>
      </View>
      {onClose ? <Text className='error-banner__close' onClick={onClose}>×</Text> : null}
    </View>
  )
}
