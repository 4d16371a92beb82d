import { Type } from 'typebox';

// Seed 002 `/user/profile` and `/user/addresses`.

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Phone = Type.String({
  minLength: 9,
  maxLength: 20,
  description: 'Vietnamese number: (84|0[3|5|7|8|9])+([0-9]{8})',
});
const Url = Type.String({ minLength: 1, maxLength: 500 });

export const ProfileSchema = Type.Object({
  first_name: Type.Union([Type.String(), Type.Null()]),
  last_name: Type.Union([Type.String(), Type.Null()]),
  email: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  avatar_url: Type.Union([Type.String(), Type.Null()]),
});

export const ProfilePatchSchema = Type.Object({
  first_name: Type.Optional(Text(60)),
  last_name: Type.Optional(Text(60)),
  phone: Type.Optional(Phone),
  avatar_url: Type.Optional(Type.Union([Url, Type.Null()])),
});

export const AddressSchema = Type.Object({
  id: Type.Integer(),
  address_line1: Type.String(),
  city: Type.String(),
  postal_code: Type.Union([Type.String(), Type.Null()]),
  phone_number: Type.String(),
  is_default: Type.Boolean(),
});

export const AddressBodySchema = Type.Object({
  address_line1: Text(200),
  city: Text(100),
  postal_code: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{5,6}$' }), Type.Null()])),
  phone_number: Phone,
  is_default: Type.Optional(Type.Boolean()),
});

export const AddressPatchSchema = Type.Partial(AddressBodySchema);

export const AddressParamsSchema = Type.Object({ address_id: Type.Integer({ minimum: 1 }) });
