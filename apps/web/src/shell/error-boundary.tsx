import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { withTranslation, type WithTranslation } from 'react-i18next';

interface State { error: Error | null }

/** Catches a page that throws while rendering and offers a reload instead of a blank screen. */
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
      <Result
        status="error"
        title={t('shell:error.crashTitle')}
        subTitle={t('shell:error.crash')}
        extra={<Button type="primary" onClick={() => window.location.reload()}>{t('shell:error.reload')}</Button>}
      />
    );
  }
}

export const ErrorBoundary = withTranslation()(Boundary);
