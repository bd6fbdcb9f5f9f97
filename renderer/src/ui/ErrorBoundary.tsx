import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** What failed, in the person's words: "The reader", "Dossier". */
  area?: string;
}
interface State {
  error: Error | null;
}

/** A render error shows a readable message and a way out, never a blank screen. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area ?? 'Dossier'} failed to render`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <Crash area={this.props.area} error={error} onRetry={() => this.setState({ error: null })} />;
  }
}

function Crash({ area, error, onRetry }: { area: string | undefined; error: Error; onRetry(): void }) {
  const { t } = useTranslation(['ui', 'common', 'enums']);
  return (
    <div className="crash" role="alert">
      <h2>{t('crash.title', { area: area ?? t('common:appName') })}</h2>
      <p>{error.message || t('crash.unexpected')}</p>
      <p className="muted">{t('crash.safe')}</p>
      <div className="crash-actions">
        <button type="button" className="button" onClick={onRetry}>
          {t('common:tryAgain')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => window.location.reload()}>
          {t('crash.reload')}
        </button>
      </div>
    </div>
  );
}
