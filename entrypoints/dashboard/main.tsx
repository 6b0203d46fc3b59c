import { createRoot } from 'react-dom/client';
import { App } from '@/components/dashboard/App';
import '@/components/ui/theme.css';
import '@/components/dashboard/dashboard.css';

createRoot(document.getElementById('root')!).render(<App />);
