import { useQuery } from '@tanstack/react-query';
import { fetchContactProfile } from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';

/** The customer's profile; realtime conversation events refresh it (see realtimeEvent.ts). */
export function useContactProfile(contactId: string | null) {
  return useQuery({
    queryKey: queryKeys.contactProfile(contactId ?? ''),
    queryFn: () => fetchContactProfile(contactId ?? ''),
    enabled: contactId !== null,
  });
}
