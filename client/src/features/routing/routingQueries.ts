import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentMode,
  Availability,
  AvailabilityResponse,
  DryRunResponse,
  RoutingRuleDto,
  RoutingRuleInput,
  RoutingRuleListResponse,
  RoutingSettingsResponse,
} from '../../../../common/routing';
import { apiRequest } from '../../api/http';

const keys = {
  rules: ['routing', 'rules'] as const,
  settings: ['routing', 'settings'] as const,
  availability: ['routing', 'availability'] as const,
};

export function useRoutingRules() {
  return useQuery({
    queryKey: keys.rules,
    queryFn: () => apiRequest<RoutingRuleListResponse>('GET', '/api/routing-rules'),
    select: (r) => r.rules,
  });
}

export function useRoutingSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: () => apiRequest<RoutingSettingsResponse>('GET', '/api/routing/settings'),
    // Loads and online flags move while the screen is open.
    refetchInterval: 15_000,
  });
}

/** Saves (creates or changes) a rule; the list reloads afterwards. */
export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: RoutingRuleInput }) =>
      id === null
        ? apiRequest<{ rule: RoutingRuleDto }>('POST', '/api/routing-rules', input)
        : apiRequest<{ rule: RoutingRuleDto }>('PATCH', `/api/routing-rules/${id}`, input),
    onSettled: () => client.invalidateQueries({ queryKey: keys.rules }),
  });
}

export function useToggleRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      apiRequest('PATCH', `/api/routing-rules/${id}`, { enabled }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.rules }),
  });
}

export function useDeleteRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/api/routing-rules/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.rules }),
  });
}

export function useReorderRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      apiRequest<RoutingRuleListResponse>('POST', '/api/routing-rules/reorder', { ids }),
    onSuccess: (data) => client.setQueryData(keys.rules, data),
    onSettled: () => client.invalidateQueries({ queryKey: keys.rules }),
  });
}

export function useDryRun() {
  return useMutation({
    mutationFn: (rules: RoutingRuleInput[]) =>
      apiRequest<DryRunResponse>('POST', '/api/routing-rules/dry-run', { rules, limit: 200 }),
  });
}

export function useUpdateTeamSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      patch,
    }: {
      id: string;
      patch: { assignmentMode?: AssignmentMode; awayTimeoutMinutes?: number };
    }) => apiRequest('PATCH', `/api/routing/teams/${id}`, patch),
    onSettled: () => client.invalidateQueries({ queryKey: keys.settings }),
  });
}

export function useUpdateCapacity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, capacity }: { id: string; capacity: number }) =>
      apiRequest('PATCH', `/api/routing/agents/${id}`, { capacity }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.settings }),
  });
}

export function useAvailability() {
  return useQuery({
    queryKey: keys.availability,
    queryFn: () => apiRequest<AvailabilityResponse>('GET', '/api/routing/availability'),
    select: (r) => r.availability,
  });
}

export function useSetAvailability() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (availability: Availability) =>
      apiRequest<AvailabilityResponse>('PATCH', '/api/routing/availability', { availability }),
    // A read still in flight (the first load) would land after the change and flip the switch back.
    onMutate: () => client.cancelQueries({ queryKey: keys.availability }),
    onSuccess: (data) => client.setQueryData(keys.availability, data),
  });
}
