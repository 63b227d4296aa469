import { CloudBaseError, classify, unwrap } from './errors'

const err = (code: string | number | undefined, message = '') => Object.assign(new Error(message), { code })

describe('classify', () => {
  test('duplicate _id: the CloudBase code, MongoDB 11000, or the full E11000 marker', () => {
    expect(classify(err('DATABASE_DUPLICATE_WRITE'))).toBe('DUPLICATE')
    expect(classify(err(11000))).toBe('DUPLICATE')
    expect(classify(err('DATABASE_REQUEST_FAILED', '[FailedOperation] E11000 duplicate key error collection: x index: _id_'))).toBe('DUPLICATE')
    expect(classify({ errCode: -502001, errMsg: 'database request fail | E11000 duplicate key error collection' })).toBe('DUPLICATE')
    // a message that merely says "duplicate" is no evidence
    expect(classify(err('DATABASE_REQUEST_FAILED', 'duplicate request'))).toBeNull()
  })

  test('transaction conflict', () => {
    expect(classify(err('DATABASE_TRANSACTION_CONFLICT'))).toBe('CONFLICT')
    expect(classify(err('SYS_ERR', '[ResourceUnavailable.TransactionConflict] Transaction is conflict'))).toBe('CONFLICT')
  })

  test('missing / existing collection, finished transaction', () => {
    expect(classify(err('DATABASE_COLLECTION_NOT_EXIST'))).toBe('NO_COLLECTION')
    expect(classify({ errCode: -502005, errMsg: 'database collection not exists | [ResourceNotFound] Db or Table not exist.' })).toBe('NO_COLLECTION')
    expect(classify(err('DATABASE_COLLECTION_ALREADY_EXIST'))).toBe('COLLECTION_EXISTS')
    expect(classify(err('DATABASE_TRANSACTION_FAIL', '[ResourceUnavailable.TransactionNotExist] Transaction does not exist'))).toBe('TX_GONE')
  })

  test('anything else, and non-errors', () => {
    expect(classify(err('DATABASE_PERMISSION_DENIED'))).toBeNull()
    expect(classify(undefined)).toBeNull()
    expect(classify('boom')).toBeNull()
  })
})

describe('unwrap', () => {
  test('passes results through and throws bodies that carry a code', () => {
    const ok = { requestId: 'r', data: [] }
    expect(unwrap(ok)).toBe(ok)
    expect(unwrap(null)).toBeNull()
    expect(() => unwrap({ code: 'DATABASE_DUPLICATE_WRITE', message: 'dup', requestId: 'r1' })).toThrow(CloudBaseError)
    try {
      unwrap({ code: 'X', requestId: 'r1' })
    } catch (e) {
      expect(e).toMatchObject({ code: 'X', message: 'X', requestId: 'r1' })
    }
  })
})

test('DOCUMENT_NOT_FOUND is "no such document"', () => {
  expect(classify(err('DOCUMENT_NOT_FOUND'))).toBe('NO_DOCUMENT')
})
