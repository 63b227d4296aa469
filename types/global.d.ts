/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

/** Build-time constant (config/index.ts defineConstants): the CloudBase env id for weapp. */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by the Taro CLI for each target; replaced at build time. */
    TARO_ENV: 'weapp' | 'h5' | 'rn' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'quickapp'
    CLOUD_ENV?: string
  }
}
