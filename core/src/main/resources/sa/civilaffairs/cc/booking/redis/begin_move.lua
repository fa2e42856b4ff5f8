-- Person step of a reschedule. One cluster slot: every key is tagged {bkp:<person>}.
-- Turns the person's active claim on reference ARGV[1] into a "moving" claim, so two moves of one appointment never
-- run at once, and records the attempt under its idempotency key.
-- KEYS[1] idempotency key   KEYS[2] claim key (person + service)
-- ARGV[1] reference  ARGV[2] moving value "M|ref|sinceMs|office|date|newOffice|newDate"
-- ARGV[3] pending idempotency value "P|ref|sinceMs|newOffice|newDate"  ARGV[4] now ms  ARGV[5] grace ms
-- ARGV[6] idempotency ttl ms  ARGV[7] stale idempotency value to take over, or "-"
-- Returns {"CLAIMED", previousClaim} | {"IDEM", value} | {"STALE_IDEM", value} | {"STALE_CLAIM", value}
--         | {"BUSY", claim} | {"NO_CLAIM"}   (a pending claim may be a booking that went through: see claim.lua)
-- Runs after person_common.lua.
local now = tonumber(ARGV[4])
local grace = tonumber(ARGV[5])
local answer = known(redis.call('GET', KEYS[1]), ARGV[7], now, grace)
if answer then
  return answer
end
local claim = redis.call('GET', KEYS[2])
if not claim or field(claim, 2) ~= ARGV[1] then
  return {'NO_CLAIM'}
end
if field(claim, 1) ~= 'A' then
  if stale(claim, now, grace) then
    return {'STALE_CLAIM', claim}
  end
  return {'BUSY', claim}
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[6])
return {'CLAIMED', claim}
