import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import '../../electron/core/domain/zod-locale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { captureRunToken } from './api/client';

// Take the run token out of the address bar before anything renders or is bookmarked.
captureRunToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
