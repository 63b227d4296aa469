/** Where the chosen language is kept on the device (Taro storage; on H5 `localStorage` as `{"data":"en"}`). Shared with the light landing entry (src/landing/lang.ts). */
export const LANG_KEY = 'yayou.lang'
