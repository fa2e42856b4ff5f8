-- Decides the fate of an attempt whose client went silent (crash, pause) past the grace time. One cluster slot:
-- keys tagged {bk:<office>:<date>}, the same slot book.lua runs in, so the two are serialised: either the attempt
-- booked already (its appointment exists) or it is voided here and book.lua will refuse it if it ever arrives.
-- KEYS[1] the appointment (hash)  KEYS[2] voided attempts of the reference (set)  ARGV[1] attempt token
-- Returns {"BOOKED"} | {"CANCELLED"} | {"VOID"}
local status = redis.call('HGET', KEYS[1], 'status')
if status and status ~= 'MOVED' then
  return {status}
end
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[2], 86400)
return {'VOID'}
