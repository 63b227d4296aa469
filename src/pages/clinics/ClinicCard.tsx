/**
 * One clinic: name, address (weapp: tap for WeChat's map; H5: the address and a web map link),
 * phone (weapp: tap to call; H5: a tel: link) and opening hours (services/clinic.ts says why).
 */
import { View, Text } from '@tarojs/components'
import type { ClinicInfo } from '../../api/contract'
import { hoursLines } from '../../domain/appointments/hours'
import { dialNumber, isWeapp, openClinicMap, telHref, webMapHref } from '../../services/clinic'
import { Btn } from '../../components/controls'
import { useT } from '../../i18n'

export function ClinicCard({ clinic: c, chosen, onChoose }: { clinic: ClinicInfo; chosen: boolean; onChoose: () => void }) {
  const t = useT()
  return (
    <View id={`clinic-${c.clinicId}`} className={`card clinic ${chosen ? 'clinic--chosen' : ''}`}>
      <View className='row row--between clinic__head'>
        <Text className='card__title clinic__name'>{c.name}</Text>
        <Text className='muted small'>{c.city}</Text>
      </View>
      <View className='clinic__line'>
        <Text className='clinic__k'>{t({ zh: '地址', en: 'Address' })}</Text>
        {isWeapp ? (
          <Text id={`clinic-address-${c.clinicId}`} className='clinic__v clinic__link' onClick={() => void openClinicMap(c).catch(() => undefined)}>
            {c.address} ›
          </Text>
        ) : (
          <View className='clinic__v'>
            <Text id={`clinic-address-${c.clinicId}`} className='clinic__text' userSelect>{c.address}</Text>
            <a id={`clinic-map-${c.clinicId}`} className='clinic__link' href={webMapHref(c)} target='_blank' rel='noopener noreferrer'>{t({ zh: '查看地图', en: 'Map' })}</a>
          </View>
        )}
      </View>
      <View className='clinic__line'>
        <Text className='clinic__k'>{t({ zh: '电话', en: 'Phone' })}</Text>
        {isWeapp ? (
          <Text id={`clinic-phone-${c.clinicId}`} className='clinic__v clinic__link' onClick={() => void dialNumber(c.phone).catch(() => undefined)}>{c.phone}</Text>
        ) : (
          <a id={`clinic-phone-${c.clinicId}`} className='clinic__v clinic__link' href={telHref(c.phone)}>{c.phone}</a>
        )}
      </View>
      <View className='clinic__line'>
        <Text className='clinic__k'>{t({ zh: '营业', en: 'Hours' })}</Text>
        <View id={`clinic-hours-${c.clinicId}`} className='clinic__v'>
          {hoursLines(c.hours).map((line) => <Text key={line.en} className='clinic__hours'>{t(line)}</Text>)}
        </View>
      </View>
      <Btn id={`choose-clinic-${c.clinicId}`} variant={chosen ? 'primary' : 'secondary'} onClick={onChoose}>
        {chosen ? t({ zh: '已选择此门店', en: 'Chosen' }) : t({ zh: '预约这家门店', en: 'Ask this clinic' })}
      </Btn>
    </View>
  )
}
