/**
 * The referral poster (R1, C1, C2; issue 12, item 5): made only when the member taps the button,
 * below the full rules on the card page. The code image comes from `referral.posterCode` (WeChat's
 * mini-program code on weapp, a QR of the H5 landing locally); the layout is posterDraw.ts.
 *  - weapp: painted on a `Canvas type='2d'` kept off screen, exported with canvasToTempFilePath and
 *    shown; "save to album" asks for the album permission, and a refused permission leads to
 *    the settings page, never to a loop of prompts.
 *  - H5: painted on a detached HTML canvas and shown as an image to long-press (or right-click).
 * The poster promises nothing for sharing it (C1); it carries the friend's offer and its rules.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, Image, Text, View } from '@tarojs/components'
import type { PosterCodeImage, ReferralCard } from '../api/contract'
import { callFunction, toApiError, type ApiError } from '../services/cloud'
import { useT, type Msg } from '../i18n'
import { Btn } from './controls'
import { useSingleFlight } from './hooks'
import { ErrorBanner } from './ErrorBanner'
import { paintPoster, posterLayout, type Ctx2D, type Measure, type PosterContent } from './posterDraw'
import './Poster.css'

const isWeapp = process.env.TARO_ENV === 'weapp'
const CANVAS_ID = 'poster-canvas'
/** The off-screen canvas's CSS width in px (an inline style: not converted like stylesheet px). */
const CANVAS_CSS_WIDTH = 375

/**
 * The code image for this session, per referral code: it never changes for a member, so one call
 * per session is enough. (Production could keep it in cloud storage, see the function's notes.)
 */
const codeCache = new Map<string, PosterCodeImage>()

async function codeImage(referralCode: string): Promise<PosterCodeImage> {
  const cached = codeCache.get(referralCode)
  if (cached) return cached
  const img = await callFunction('referral', 'posterCode', isWeapp ? {} : { origin: window.location.origin })
  codeCache.set(referralCode, img)
  return img
}

/** What the poster says, in the member's language. */
export function posterContent(card: ReferralCard, kind: PosterCodeImage['kind'], t: (m: Msg) => string): PosterContent {
  return {
    chain: t({ zh: '牙友口腔', en: 'Yayou Dental' }),
    headline: t({ zh: `${card.referrerDisplayName} 推荐您来牙友口腔`, en: `${card.referrerDisplayName} recommends Yayou Dental to you` }),
    rules: card.forFriend.map(t),
    rulesTitle: t({ zh: '优惠规则', en: 'Rules of the offer' }),
    codeCaption: kind === 'wxacode'
      ? t({ zh: '微信扫码或长按识别，领取首诊优惠券', en: 'Scan or long-press in WeChat to take the first-visit coupon' })
      : t({ zh: '扫描二维码，领取首诊优惠券', en: 'Scan the QR code to take the first-visit coupon' }),
    codeLine: t({ zh: `推荐码 ${card.code}（到店报此码同样有效）`, en: `Referral code ${card.code} (naming it at reception works too)` }),
  }
}

const measureWith = (ctx: Ctx2D & { measureText(s: string): { width: number } }): Measure => (text, font) => {
  ctx.font = font
  return ctx.measureText(text).width
}

function loaded(img: { onload: unknown; onerror: unknown; src: string }, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    img.onload = () => resolve()
    img.onerror = () => reject(new Error('the code image did not load'))
    img.src = src
  })
}

/** H5: a detached canvas, returned as a PNG data URL. */
async function drawOnH5(content: PosterContent, code: PosterCodeImage): Promise<string> {
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2D canvas in this browser')
  const layout = posterLayout(content, measureWith(ctx))
  canvas.width = layout.width
  canvas.height = layout.height
  const img = new window.Image()
  await loaded(img, `data:${code.mime};base64,${code.base64}`)
  paintPoster(ctx, layout, img)
  return canvas.toDataURL('image/png')
}

interface WeappCanvas {
  width: number
  height: number
  getContext(kind: '2d'): Ctx2D & { measureText(s: string): { width: number } }
  createImage(): { onload: unknown; onerror: unknown; src: string }
}

/** weapp: the code written once to a local file (a Canvas 2D image loads a path most reliably). */
async function codeFile(referralCode: string, code: PosterCodeImage): Promise<string> {
  const path = `${Taro.env.USER_DATA_PATH}/poster-code-${referralCode}.${code.mime === 'image/png' ? 'png' : 'jpg'}`
  await new Promise((resolve, reject) => Taro.getFileSystemManager().writeFile({ filePath: path, data: code.base64, encoding: 'base64', success: resolve, fail: reject }))
  return path
}

interface CanvasNode { node: WeappCanvas; width: number; height: number }
const canvasNode = () => new Promise<CanvasNode>((resolve, reject) => {
  Taro.createSelectorQuery().select(`#${CANVAS_ID}`).fields({ node: true, size: true }).exec((res: Array<Partial<CanvasNode> | null>) => {
    const hit = res?.[0]
    if (hit?.node) resolve(hit as CanvasNode)
    else reject(new Error('the poster canvas is not ready'))
  })
})

/**
 * weapp: the page's off-screen Canvas 2D, exported to a temporary PNG file. The element's CSS box
 * gets the poster's aspect first (a stretched canvas exports a cut image), then the pixel buffer
 * gets the poster's own size, and the export names the whole CSS box as the area.
 */
async function drawOnWeapp(content: PosterContent, code: PosterCodeImage, referralCode: string, fitBox: (cssHeight: number) => Promise<void>): Promise<string> {
  const first = await canvasNode()
  const ctx = first.node.getContext('2d')
  const layout = posterLayout(content, measureWith(ctx))
  await fitBox(Math.round((CANVAS_CSS_WIDTH * layout.height) / layout.width))
  const { node: canvas, width, height } = await canvasNode()
  canvas.width = layout.width
  canvas.height = layout.height
  const img = canvas.createImage()
  await loaded(img, await codeFile(referralCode, code))
  paintPoster(canvas.getContext('2d'), layout, img)
  const out = await Taro.canvasToTempFilePath({ canvas: canvas as never, canvasId: CANVAS_ID, x: 0, y: 0, width, height, destWidth: layout.width, destHeight: layout.height, fileType: 'png' })
  return out.tempFilePath
}

export function ReferralPoster({ card }: { card: ReferralCard }) {
  const t = useT()
  const [src, setSrc] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [canvasHeight, setCanvasHeight] = useState(CANVAS_CSS_WIDTH * 2)
  // One drawing at a time: two on the one canvas would spoil each other.
  const { busy: making, run } = useSingleFlight()

  /** weapp: the canvas box takes the poster's aspect; resolves once the page has applied it. */
  const fitBox = (cssHeight: number) => new Promise<void>((resolve) => {
    setCanvasHeight(cssHeight)
    setTimeout(resolve, 50)
  })

  // The member's own tap (C1): nothing is drawn or asked before it.
  async function make() {
    await run(async () => {
      setError(null)
      const code = await codeImage(card.code)
      const content = posterContent(card, code.kind, t)
      setSrc(isWeapp ? await drawOnWeapp(content, code, card.code, fitBox) : await drawOnH5(content, code))
    }, { onError: setError })
  }

  async function save() {
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: src })
      await Taro.showToast({ title: t({ zh: '已保存到相册', en: 'Saved to your album' }), icon: 'success' })
    } catch (e) {
      const msg = String((e as { errMsg?: unknown } | null)?.errMsg ?? '')
      if (/cancel/i.test(msg)) return
      if (/auth|deny|denied|permission/i.test(msg)) {
        // Refused before: WeChat will not ask again; only the settings page can allow it now.
        const r = await Taro.showModal({
          title: t({ zh: '需要相册权限', en: 'Album permission needed' }),
          content: t({ zh: '保存海报需要允许“保存到相册”。要去设置里打开吗？', en: 'Saving the poster needs permission to save to your album. Open the settings?' }),
          confirmText: t({ zh: '去设置', en: 'Settings' }),
          cancelText: t({ zh: '暂不', en: 'Not now' }),
        })
        if (r.confirm) await Taro.openSetting()
        return
      }
      setError(toApiError(e))
    }
  }

  return (
    <View id='referral-poster-maker' className='poster'>
      <ErrorBanner error={error} onClose={error ? () => setError(null) : undefined} />
      {!src ? (
        <Btn id='poster-make' variant='secondary' disabled={making} onClick={() => void make()}>
          {making ? t({ zh: '海报生成中…', en: 'Making the poster…' }) : t({ zh: '生成分享海报', en: 'Make a poster to share' })}
        </Btn>
      ) : (
        <View id='poster-ready' className='poster__ready'>
          <Image id='poster-image' className='poster__img' src={src} mode='widthFix' showMenuByLongpress />
          {isWeapp ? (
            <Btn id='poster-save' onClick={() => void save()}>{t({ zh: '保存到相册', en: 'Save to album' })}</Btn>
          ) : (
            <Text className='muted small'>{t({ zh: '长按图片保存，或直接发送给朋友', en: 'Long-press (or right-click) the image to save or send it' })}</Text>
          )}
        </View>
      )}
      {/* weapp: the drawing surface, kept out of sight; the finished poster is shown as an image. */}
      {isWeapp ? <Canvas id={CANVAS_ID} type='2d' className='poster__canvas' style={{ width: `${CANVAS_CSS_WIDTH}px`, height: `${canvasHeight}px` }} /> : null}
    </View>
  )
}
