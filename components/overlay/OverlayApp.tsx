import { OverlayContext, useOverlayState, type OverlayContextValue } from './context';
import { StatusChip } from './StatusChip';
import { FlagPanel } from './FlagPanel';
import { FlagCard } from './FlagCard';
import { TemplatePicker } from './TemplatePicker';
import { Notice } from './Notice';

function Layers() {
  const panelOpen = useOverlayState((s) => s.panelOpen);
  const announcement = useOverlayState((s) => s.announcement);
  const cardOpen = useOverlayState((s) => s.cardFor !== null);
  return (
    <div className="zgg-root" lang="vi">
      <StatusChip />
      {panelOpen && <FlagPanel />}
      {!cardOpen && <Notice />}
      <FlagCard />
      <TemplatePicker />
      {/* Screen readers hear new flags and action results without moving focus. */}
      <div className="zgg-sr-only" aria-live="polite" role="status" data-testid="zgg-live">
        {announcement}
      </div>
    </div>
  );
}

export function OverlayApp(props: OverlayContextValue) {
  return (
    <OverlayContext.Provider value={props}>
      <Layers />
    </OverlayContext.Provider>
  );
}
