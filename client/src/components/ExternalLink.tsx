import type { ReactNode } from 'react';

interface ExternalLinkProps {
  /** Must already be checked to be http(s) (see safeHttpUrl). */
  href: string;
  className?: string;
  title?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A link out of Caredesk to a customer-supplied or platform address: new tab, no opener (the page cannot
 * reach back into the inbox), no referrer (the inbox URL stays private), nofollow.
 */
export function ExternalLink({ href, className, title, testId, children }: ExternalLinkProps) {
  return (
    <a
      href={href}
      className={className}
      title={title}
      data-testid={testId}
      target="_blank"
      rel="noopener noreferrer nofollow"
    >
      {children}
    </a>
  );
}
