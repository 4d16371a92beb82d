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
import './styles/orders.css';
import './styles/promotions.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
