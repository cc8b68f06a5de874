import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Card, Descriptions, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '#ui';
import { publicApi, type CertificateView } from '../api.ts';
import { formatTime } from '../components/format-time.ts';

/** 证书核验: anyone checks a certificate by its number, without signing in. */
export default function CertificatePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const number = params.get('number') ?? '';
  const [text, setText] = useState(number);
  const [certificate, setCertificate] = useState<CertificateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setCertificate(null);
    setError(null);
    if (!number) return;
    setBusy(true);
    publicApi
      .certificate(number)
      .then(setCertificate, (e) => setError(problemMessage(i18n, e)))
      .finally(() => setBusy(false));
  }, [number, i18n]);

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('campaigns:web.public.certificate.title')}</h1>}>
      <Input.Search
        id="certificate-number"
        enterButton={t('campaigns:web.public.certificate.verify')}
        size="large"
        allowClear
        loading={busy}
        value={text}
        aria-label={t('campaigns:web.public.certificate.number')}
        placeholder={t('campaigns:web.public.certificate.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setParams(v.trim() ? { number: v.trim() } : {}, { replace: true })}
        style={{ maxWidth: 560, marginBottom: 24 }}
      />
      {!number && <Alert type="info" showIcon title={t('campaigns:web.public.certificate.hint')} />}
      {error && <Result status="warning" title={t('campaigns:web.public.certificate.invalid')} subTitle={error} />}
      {certificate && (
        // The details sit below the Result, not inside it: Result pads its content by 40px a side,
        // which left a phone one character per line.
        <>
          <Result
            status="success"
            title={t('campaigns:web.public.certificate.valid')}
            subTitle={certificate.number}
            style={{ padding: '16px 0' }}
          />
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 112 } }}
            style={{ maxWidth: 720, margin: '0 auto' }}
            items={[
              { key: 'campaign', label: t('campaigns:web.public.certificate.campaign'), children: certificate.campaignTitle },
              { key: 'organiser', label: t('campaigns:web.public.certificate.organiser'), children: certificate.organiser },
              { key: 'category', label: t('campaigns:web.public.certificate.category'), children: certificate.categoryName },
              { key: 'title', label: t('campaigns:web.public.certificate.work'), children: certificate.title },
              { key: 'holder', label: t('campaigns:web.public.certificate.holder'), children: certificate.holder },
              { key: 'org', label: t('campaigns:web.public.certificate.org'), children: certificate.orgName },
              { key: 'issuedAt', label: t('campaigns:web.public.certificate.issuedAt'), children: formatTime(certificate.issuedAt) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
