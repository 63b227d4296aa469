import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import qrcode from 'qrcode-generator'

/**
 * A QR code drawn on the client with a tiny pure-JS encoder (qrcode-generator). The matrix is
 * encoded as a GIF data URL, which an Image shows the same way on weapp and on H5.
 */
export function QrCode({ id, text, className = '' }: { id: string; text: string; className?: string }) {
  const src = useMemo(() => {
    if (!text) return ''
    const qr = qrcode(0, 'M')
    qr.addData(text, 'Byte')
    qr.make()
    return qr.createDataURL(8, 16)
  }, [text])

  return (
    <View id={id} className={`qr ${className}`.trim()} data-text={text}>
      {src ? <Image className='qr__img' src={src} mode='aspectFit' /> : null}
    </View>
  )
}
