import { createRoot } from 'react-dom/client';
import { getDb } from '@/lib/db';
import { getTrustDb } from '@/lib/trust/store';
import { App } from '@/components/dashboard/App';
import '@/components/dashboard/dashboard.css';

// The edge: globals are read here and handed to the app.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <App
      db={getDb()}
      trustDb={getTrustDb()}
      doc={document}
      now={() => new Date()}
      version={browser.runtime.getManifest().version}
      fetchText={(path) => fetch(browser.runtime.getURL(path as '/')).then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText))))}
      initialHash={location.hash}
      onHash={(hash, push) => {
        if (location.hash === hash) return;
        if (push) location.hash = hash;
        else history.replaceState(null, '', hash);
      }}
    />,
  );
}
