import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first, so screen styles (imported by App) can override them.
import './styles/base.css';
import './styles/app.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
