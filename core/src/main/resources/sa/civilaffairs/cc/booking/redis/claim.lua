-- Person step of a booking or confirmation. One cluster slot: every key is tagged {bkp:<person>}.
-- Takes the person's claim on the service (at most one active appointment per service), records the attempt under
-- its idempotency key and lists its reference under the person, or says why not. A booking that then takes its place
-- leaves these pending values as they are (a pending value whose appointment exists is a booking); a refused one
-- undoes them with finish.lua.
-- KEYS[1] idempotency key   KEYS[2] claim key (person + service)   KEYS[3] the person's appointments (sorted set,
-- score = booked at)
-- ARGV[1] pending value "P|ref|sinceMs|office|date"  ARGV[2] now ms  ARGV[3] grace ms  ARGV[4] idempotency ttl ms
-- ARGV[5] today (yyyy-mm-dd, Riyadh)  ARGV[6] stale idempotency value to take over, or "-"
-- ARGV[7] stale claim value to take over, or "-"  ARGV[8] reference  ARGV[9] booked-at ms
-- Returns {"CLAIMED"} | {"IDEM", value} | {"STALE_IDEM", value} | {"STALE_CLAIM", value}
-- Runs after person_common.lua.
local now = tonumber(ARGV[2])
local grace = tonumber(ARGV[3])
local found = redis.call('MGET', KEYS[1], KEYS[2])
local idem, claim = found[1], found[2]
local answer = known(idem, ARGV[6], now, grace)
if answer then
  return answer
end
if claim and claim ~= ARGV[7] and field(claim, 5) >= ARGV[5] then
  if stale(claim, now, grace) then
    return {'STALE_CLAIM', claim}
  end
  local refusal = 'R|ALREADY_BOOKED|' .. field(claim, 2)
  redis.call('SET', KEYS[1], refusal, 'PX', ARGV[4])
  return {'IDEM', refusal}
end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
-- ties of booking time (same millisecond) keep the order of booking: newest first when read backwards
local n = math.min(redis.call('ZCARD', KEYS[3]), 999)
redis.call('ZADD', KEYS[3], 'NX', tonumber(ARGV[9]) + n / 1000, ARGV[8])
return {'CLAIMED'}
