// The organiser console's entry: styles, then the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/console.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
