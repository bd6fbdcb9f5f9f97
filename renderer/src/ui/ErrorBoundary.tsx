import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    return (
      <div className="crash" role="alert">
        <h2>{this.props.area ?? 'Dossier'} ran into a problem</h2>
        <p>{error.message || 'An unexpected error occurred while drawing this part of the window.'}</p>
        <p className="muted">Your notebook is safe: nothing is lost by trying again.</p>
        <div className="crash-actions">
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="button button-quiet" onClick={() => window.location.reload()}>
            Reload the window
          </button>
        </div>
      </div>
    );
  }
}
