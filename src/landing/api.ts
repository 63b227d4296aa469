/**
 * The light entry's calls: the same transport as the app on H5 (services/h5-transport.ts, with the
 * local persona), and the answer read as the app reads it (services/answer.ts): the data, or an
 * ApiError with the server's message in both languages.
 */
import { answerOf } from '../services/answer'
import { postFunction } from '../services/h5-transport'

export { ApiError, toApiError } from '../services/answer'

export const call = <T>(fn: string, action: string, input: Record<string, unknown>): Promise<T> => answerOf<T>(postFunction(fn, { ...input, action }))
