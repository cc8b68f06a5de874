import { Component, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';

interface State {
  error: Error | null;
}

/**
 * Catches a page that throws while rendering and offers a reload instead of a blank screen.
 * A chunk that no longer exists (the console was rebuilt) gets the same offer.
 */
class Boundary extends Component<{ children: ReactNode } & WithTranslation, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error): void {
    console.error('console page crashed', error);
  }

  render() {
    const { t } = this.props;
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="ec-result">
        <div className="ec-result-icon" aria-hidden>
          !
        </div>
        <h1>{t('shell:error.crashTitle')}</h1>
        <p>{t('shell:error.crash')}</p>
        <button type="button" className="ec-button ec-button-primary" onClick={() => window.location.reload()}>
          {t('shell:error.reload')}
        </button>
      </div>
    );
  }
}

export const ErrorBoundary = withTranslation()(Boundary);
