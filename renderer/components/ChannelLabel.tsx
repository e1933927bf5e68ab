import { useTranslation } from 'react-i18next';
import { ChannelIcon, type ChannelName } from './icons/ChannelIcon';

export function ChannelLabel({ channel }: { channel: ChannelName }) {
  const { t } = useTranslation();
  return (
    <span className={`channel channel--${channel}`}>
      <ChannelIcon channel={channel} size={16} />
      <span className="channel__text">{t(`channel.${channel}`)}</span>
    </span>
  );
}
