import type { SyncStatus } from '../lib/library/sync/sync-all';
import { t } from './i18n';

/** 「正在同步「湘江晚报」（第 1/2 个来源），已写入 20/130 篇」, with a bar. */
export function SyncProgress({ status }: { status: SyncStatus }) {
  return (
    <div class="sync-progress" role="status" data-testid="sync-progress">
      <span>{t('syncStatus', status.source, status.index, status.count, status.done, status.total)}</span>
      <progress max={Math.max(1, status.total)} value={status.done} />
    </div>
  );
}
