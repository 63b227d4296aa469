/**
 * S3: the submit lock of every button that writes (useSingleFlight). A double tap sends once, a
 * "no" in the dialog sends nothing and never shows busy, a failure reaches the banner and the
 * button works again.
 */
import { ApiError } from '../services/answer'
import { createFlight, type Running } from './singleFlight'

/** A request whose answer the test gives when it wants. */
function pending<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej })
  return { promise, resolve, reject }
}

function setup<K = never>() {
  const shown: Running<K>[] = []
  const errors: ApiError[] = []
  const flight = createFlight<K>((r) => shown.push(r))
  return { flight, shown, errors, onError: (e: ApiError) => errors.push(e) }
}

describe('useSingleFlight lock (S3)', () => {
  test('a double tap sends once; the lock is held from the tap itself; the next tap after the answer sends again', async () => {
    const { flight, shown, onError } = setup()
    const answer = pending<void>()
    let sent = 0
    const send = () => { sent += 1; return answer.promise }

    const first = flight.run(send, { onError })
    // Same tick as the tap: no re-render has happened, yet the request is out and the lock held.
    expect(sent).toBe(1)
    expect(flight.held()).toBe(true)
    const second = flight.run(send, { onError })
    expect(sent).toBe(1)
    expect(shown).toEqual([{ key: null }])

    answer.resolve()
    await Promise.all([first, second])
    expect(sent).toBe(1)
    expect(flight.held()).toBe(false)
    expect(shown).toEqual([{ key: null }, null])

    await flight.run(async () => { sent += 1 }, { onError })
    expect(sent).toBe(2)
  })

  test('busy names the button it is for', async () => {
    const { flight, shown, onError } = setup<string>()
    await flight.run(async () => undefined, { key: 'payout-7', onError })
    expect(shown).toEqual([{ key: 'payout-7' }, null])
  })

  test('asked first: a second tap opens no second dialog; "no" sends nothing and never shows busy', async () => {
    const { flight, shown, errors, onError } = setup()
    const dialog = pending<boolean>()
    let asked = 0
    let sent = 0
    const confirm = () => { asked += 1; return dialog.promise }
    const work = async () => { sent += 1 }

    const first = flight.run(work, { confirm, onError })
    const second = flight.run(work, { confirm, onError })
    expect(asked).toBe(1)
    expect(shown).toEqual([]) // not busy while the dialog is open
    dialog.resolve(false)
    await Promise.all([first, second])
    expect(asked).toBe(1)
    expect(sent).toBe(0)
    expect(shown.filter((r) => r !== null)).toEqual([])
    expect(errors).toEqual([])
    expect(flight.held()).toBe(false)
  })

  test('asked first: "yes" shows busy, then sends once', async () => {
    const { flight, shown, onError } = setup<string>()
    const order: string[] = []
    await flight.run(async () => { order.push(`sent while ${JSON.stringify(shown.at(-1))}`) }, {
      key: 'refund',
      confirm: async () => { order.push('asked'); return true },
      onError,
    })
    expect(order).toEqual(['asked', 'sent while {"key":"refund"}'])
    expect(shown.at(-1)).toBeNull()
  })

  test('a refusal reaches the banner with its code; the lock is released so a retry sends', async () => {
    const { flight, shown, errors, onError } = setup()
    await flight.run(async () => { throw new ApiError('PAYOUT_ALREADY_PAID', { zh: '已发放', en: 'Already paid' }) }, { onError })
    expect(errors.map((e) => e.code)).toEqual(['PAYOUT_ALREADY_PAID'])
    expect(errors[0].zh).toBe('已发放')
    expect(shown.at(-1)).toBeNull()
    expect(flight.held()).toBe(false)

    let sent = 0
    await flight.run(async () => { sent += 1 }, { onError })
    expect(sent).toBe(1)
  })

  test('anything else thrown (a lost connection, a failed dialog) shows as NETWORK, never swallowed', async () => {
    const { flight, errors, onError } = setup()
    await flight.run(async () => { throw { errMsg: 'request:fail timeout' } }, { onError })
    await flight.run(async () => undefined, { confirm: () => Promise.reject(new Error('showModal failed')), onError })
    expect(errors.map((e) => e.code)).toEqual(['NETWORK', 'NETWORK'])
    expect(errors[0].en).toContain('request:fail timeout')
    expect(flight.held()).toBe(false)
  })
})
