import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles.css';
import './styles/controls.css';
import './styles/data.css';
import './styles/overlays.css';
import './styles/reviews.css';
import './styles/carts.css';
import './styles/devices.css';
import './styles/phone.css';
import './styles/checkout.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
