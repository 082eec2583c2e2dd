import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiResponse } from '../../api/client';
import { fileNameFrom, saveBlob } from '../audit/export-download';
import { legalKeys } from './keys';

/** Produces the disclosure package and saves it: the zip is the response itself, never stored by Docket. */
export async function produceDisclosure(id: string): Promise<{ fileName: string; bytes: number }> {
  const response = await apiResponse('POST', `/api/legal/requests/${encodeURIComponent(id)}/production`);
  const blob = await response.blob();
  const fileName = fileNameFrom(response.headers.get('content-disposition'), `disclosure-${id}.zip`);
  saveBlob(blob, fileName);
  return { fileName, bytes: blob.size };
}

export function useProduceDisclosure(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => produceDisclosure(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: legalKeys.all }),
  });
}
