/**
 * For tests only: CloudBase's cloud-call gateway, as wx-server-sdk reaches it over HTTP, on
 * 127.0.0.1. The real wx-server-sdk and its @cloudbase/node-sdk run unchanged — only the network
 * ends here. The SDK finds it the way it finds CloudBase inside a function: TENCENTCLOUD_RUNENV=SCF,
 * the URL in TCB_CONTEXT_CNFG, temporary keys in the environment. Each call is recorded (the
 * protobuf `CommApiData` the SDK sends, decoded) and answered as the test says: WeChat's JSON in a
 * `CommOpenApiResp`, a CloudBase error, a dropped connection, or no answer at all.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type GatewayAnswer =
  | { wechat: { errcode: number; errmsg: string } }
  /** A binary answer, as wxacode.getUnlimited gives an image. */
  | { image: Buffer; contentType: string }
  | { cloudbaseError: { code: string; message: string } }
  | 'drop'
  | 'silence'

export interface GatewayCall { apiName: string; params: Record<string, unknown> }

export interface Gateway {
  calls: GatewayCall[]
  /** The answer to every following call. */
  answer(a: GatewayAnswer): void
  close(): Promise<void>
}

const ENV = { TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', TCB_ENV: 'yayou-test', SCF_NAMESPACE: 'yayou-test', TENCENTCLOUD_SECRETID: 'test-id', TENCENTCLOUD_SECRETKEY: 'test-key' }

export async function startGateway(): Promise<Gateway> {
  const calls: GatewayCall[] = []
  let answer: GatewayAnswer = { wechat: { errcode: 0, errmsg: 'ok' } }
  const server = createServer((req, res) => void handle(req, res))
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const parts = multipart(Buffer.concat(chunks), String(req.headers['content-type']))
    calls.push({ apiName: parts.apiName?.toString() ?? '', params: parts.requestData ? openApiParams(parts.requestData) : {} })
    if (answer === 'drop') return req.socket.destroy()
    if (answer === 'silence') return
    if ('cloudbaseError' in answer) return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...answer.cloudbaseError, requestId: 'r' }))
    const [body, type] = 'image' in answer ? [answer.image, answer.contentType] : [Buffer.from(JSON.stringify(answer.wechat)), 'application/json']
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(commOpenApiResp(body, type))
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const saved = Object.fromEntries([...Object.keys(ENV), 'TCB_CONTEXT_CNFG'].map((k) => [k, process.env[k]]))
  Object.assign(process.env, ENV, { TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin` }) })
  return {
    calls,
    answer: (a) => { answer = a },
    close: async () => {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** The named parts of a multipart/form-data body. */
function multipart(body: Buffer, contentType: string): Record<string, Buffer> {
  const boundary = Buffer.from(`--${/boundary=(.+)$/.exec(contentType)?.[1] ?? ''}`)
  const out: Record<string, Buffer> = {}
  for (let at = body.indexOf(boundary); at >= 0;) {
    const next = body.indexOf(boundary, at + boundary.length)
    if (next < 0) break
    const part = body.subarray(at + boundary.length + 2, next - 2) // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n')
    const name = /name="([^"]+)"/.exec(part.subarray(0, split).toString())?.[1]
    if (name) out[name] = part.subarray(split + 4)
    at = next
  }
  return out
}

/** Protobuf, just enough: the length-delimited fields of a message, by number. */
function fields(buf: Buffer): Array<[number, Buffer | number]> {
  const out: Array<[number, Buffer | number]> = []
  let i = 0
  const varint = () => { let v = 0; let s = 0; let b: number; do { b = buf[i++]; v += (b & 0x7f) * 2 ** s; s += 7 } while (b & 0x80); return v }
  while (i < buf.length) {
    const tag = varint()
    if ((tag & 7) === 0) out.push([tag >> 3, varint()])
    else if ((tag & 7) === 2) { const n = varint(); out.push([tag >> 3, buf.subarray(i, i + n)]); i += n } else throw new Error(`wire type ${tag & 7} not expected`)
  }
  return out
}

/** CommApiData.openapiData (2) → pairs (1) of key (1) and JSON value (2), as the SDK converted them. */
function openApiParams(requestData: Buffer): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [n, openapi] of fields(requestData)) {
    if (n !== 2 || typeof openapi === 'number') continue
    for (const [, pair] of fields(openapi)) {
      const kv = new Map(fields(pair as Buffer))
      params[String(kv.get(1))] = JSON.parse(String(kv.get(2)))
    }
  }
  return params
}

function commOpenApiResp(respData: Buffer, contentType: string): Buffer {
  const bytes = (n: number, b: Buffer) => Buffer.concat([Buffer.from([(n << 3) | 2]), varintOf(b.length), b])
  return Buffer.concat([bytes(1, respData), bytes(2, Buffer.from(contentType)), Buffer.from([4 << 3, 200, 1])]) // httpCode 200
}

function varintOf(n: number): Buffer {
  const out: number[] = []
  do { out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0)); n >>>= 7 } while (n > 0)
  return Buffer.from(out)
}
