/** A loading indicator without antd, so the first screen needs no component library. */
export function FullPageSpin() {
  return (
    <div role="status" aria-label="加载中" style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <div className="ec-spin" />
    </div>
  );
}
