/**
 * Issue 12, item 3: spend (M6) and the bonus account (R5) apart, each newest first with the running
 * balance of its own account, so every line adds up: the balance is the one below it plus the
 * amount, and the opening line says what came before the oldest line shown.
 */
import { View, Text } from '@tarojs/components'
import type { AccountHistory, LedgerLine } from '../../api/contract'
import { money } from '../../services/chain'
import { useT, type Msg } from '../../i18n'
import { ENTRY_KIND_LABEL, clinicDateTime } from '../../services/format'
import { openPage } from '../../services/tabs'

interface AccountWords { title: Msg; runningLabel: Msg; openingLabel: Msg; empty: Msg }

const SPEND: AccountWords = {
  title: { zh: '消费记录', en: 'Spend' },
  runningLabel: { zh: '累计 ', en: 'Total ' },
  openingLabel: { zh: '此前累计消费', en: 'Spend before these' },
  empty: { zh: '暂无消费记录', en: 'No payments yet' },
}
const BONUS: AccountWords = {
  title: { zh: '奖励金明细', en: 'Bonus account' },
  runningLabel: { zh: '余额 ', en: 'Balance ' },
  openingLabel: { zh: '此前余额', en: 'Balance before these' },
  empty: { zh: '暂无奖励金记录', en: 'No bonus yet' },
}

export function AccountHistories({ spend, bonus }: { spend: AccountHistory; bonus: AccountHistory }) {
  return (
    <View id='ledger-list' className='stack'>
      <HistoryCard id='spend-list' history={spend} words={SPEND} />
      <HistoryCard id='bonus-list' history={bonus} words={BONUS} />
    </View>
  )
}

function HistoryCard({ id, history, words }: { id: string; history: AccountHistory; words: AccountWords }) {
  const t = useT()
  return (
    <View id={id} className='card'>
      <View className='row row--between'>
        <Text className='card__title'>{t(words.title)}</Text>
        <Text className='history__total'>{money(history.balanceFen)}</Text>
      </View>
      <View className='ledger'>
        {history.lines.length === 0 ? <Text className='muted small'>{t(words.empty)}</Text> : null}
        {history.lines.map((l) => <HistoryLine key={l.id} line={l} runningLabel={words.runningLabel} />)}
        {history.lines.length > 0 && history.openingFen !== 0 ? (
          <View className='ledger__row ledger__row--opening' data-opening-fen={history.openingFen}>
            <Text className='ledger__kind muted'>{t(words.openingLabel)}</Text>
            <Text className='ledger__balance'>{money(history.openingFen)}</Text>
          </View>
        ) : null}
        {history.more ? (
          <Text className='ledger__more' onClick={() => void openPage('/account/mydata/index')}>
            {t({ zh: '仅显示最近的记录，全部记录见「我的数据」›', en: 'Recent entries only; all of them in My data ›' })}
          </Text>
        ) : null}
      </View>
    </View>
  )
}

function HistoryLine({ line: l, runningLabel }: { line: LedgerLine; runningLabel: Msg }) {
  const t = useT()
  return (
    <View className='ledger__row' data-kind={l.kind}>
      <View className='ledger__left'>
        <Text className='ledger__kind'>{t(ENTRY_KIND_LABEL[l.kind])}</Text>
        {/* Date and time in the clinic's zone: entries of one day read in their true order. */}
        <Text className='ledger__date'>{clinicDateTime(l.at)}</Text>
        {l.billId ? (
          <Text id={`rate-${l.billId}`} className='ledger__rate' onClick={() => void openPage(`/pages/rate/index?billId=${encodeURIComponent(l.billId!)}`)}>
            {t({ zh: '评价这次就诊 ›', en: 'Rate this visit ›' })}
          </Text>
        ) : null}
      </View>
      <View className='ledger__right'>
        <Text className={`ledger__amount ${l.amountFen < 0 ? 'neg' : 'pos'}`}>{l.amountFen > 0 ? '+' : ''}{money(l.amountFen)}</Text>
        <Text className='ledger__balance'>{t(runningLabel)}{money(l.balanceAfterFen)}</Text>
      </View>
    </View>
  )
}
