import { EmptyState } from '#ui';

// TODO(#3): being written.
export default function Page() {
  return <EmptyState />;
}
