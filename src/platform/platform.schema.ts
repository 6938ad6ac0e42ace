// Shapes shared by every API route.
import { Type } from 'typebox';

export const ErrorOut = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      messages: Type.Object({ ar: Type.String(), en: Type.String() }),
      details: Type.Optional(
        Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
      ),
      requestId: Type.String({ description: 'The x-request-id of the request, as in the logs' }),
    }),
  },
  { $id: 'ErrorOut', description: 'Every API error' },
);

export const errorResponses = {
  400: Type.Ref('ErrorOut'),
  401: Type.Ref('ErrorOut'),
  403: Type.Ref('ErrorOut'),
  404: Type.Ref('ErrorOut'),
  409: Type.Ref('ErrorOut'),
  413: Type.Ref('ErrorOut'),
  415: Type.Ref('ErrorOut'),
};
