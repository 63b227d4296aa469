/**
 * Issue 14: hand an exported file to the person.
 *  - H5: a download (a Blob link clicked once, with the file name).
 *  - weapp: the file is written to the user data folder; an XLSX opens in WeChat's document
 *    viewer with its menu (forward, open in another app); a CSV, which the viewer cannot open,
 *    is forwarded to a chat as a file (shareFileMessage), or copied when that is unavailable.
 */
import Taro from '@tarojs/taro'
import type { ExportTable } from './table'
import { exportFileName, tableCsv } from './table'
import { tableXlsx } from './xlsx'
import { utf8 } from './zip'

export type ExportFormat = 'xlsx' | 'csv'
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The file's name and bytes (pure; what the tests read back). */
export function exportFile(table: ExportTable, stamp: string, format: ExportFormat): { name: string; bytes: Uint8Array; mime: string } {
  const name = exportFileName(table, stamp, format)
  return format === 'xlsx'
    ? { name, bytes: tableXlsx(table), mime: XLSX_MIME }
    : { name, bytes: utf8(tableCsv(table)), mime: 'text/csv;charset=utf-8' }
}

function downloadInBrowser(name: string, bytes: Uint8Array, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoked later: the browser may still be reading the Blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

type ShareFile = (o: { filePath: string; fileName: string }) => Promise<unknown>

async function openInWeapp(name: string, bytes: Uint8Array, format: ExportFormat, csvText: () => string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data, success: () => resolve(), fail: (e) => reject(new Error(e.errMsg)) })
  })
  if (format === 'xlsx') {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const share = (Taro as unknown as { shareFileMessage?: ShareFile }).shareFileMessage
  if (share) await share({ filePath, fileName: name })
  else await Taro.setClipboardData({ data: csvText() })
}

/** Saves (H5) or opens/forwards (weapp) the table as the format asked. */
export async function deliverExport(table: ExportTable, stamp: string, format: ExportFormat): Promise<string> {
  const file = exportFile(table, stamp, format)
  if (process.env.TARO_ENV === 'h5') downloadInBrowser(file.name, file.bytes, file.mime)
  else await openInWeapp(file.name, file.bytes, format, () => tableCsv(table))
  return file.name
}
