-- Office-day step: takes one place of a slot for an appointment. One cluster slot: keys tagged {bk:<office>:<date>}.
-- A place is free when bookings + live holds < capacity; lapsed holds never count (a direct booking counts the holds
-- that expire after now; a confirmation prunes the lapsed ones before it looks for its own, and the holds key expires
-- with its last hold anyway).
-- KEYS[1] used places of the office-day (hash "SECTION|SERVICE|HH:MM" -> count)  KEYS[2] live holds of the slot
-- (sorted set hold id -> expiry ms)  KEYS[3] the appointment (hash)  KEYS[4] voided attempts of the reference (set)
-- ARGV[1] slot field  ARGV[2] capacity  ARGV[3] hold id to turn into the booking, or "-"  ARGV[4] attempt token
-- ARGV[5] expire-at (unix seconds) for the counters and the appointment  ARGV[6..] appointment field/value pairs
-- Returns {"BOOKED"} | {"SLOT_FULL"} | {"HOLD_EXPIRED"} | {"VOID"} | {"EXISTS", status}
local status = false
-- a new appointment (the usual case) has neither an appointment hash nor voided attempts yet: one call tells
if redis.call('EXISTS', KEYS[3], KEYS[4]) > 0 then
  if redis.call('SISMEMBER', KEYS[4], ARGV[4]) == 1 then
    return {'VOID'}
  end
  status = redis.call('HGET', KEYS[3], 'status')
  if status and status ~= 'MOVED' then
    return {'EXISTS', status}
  end
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[3] ~= '-' then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  if redis.call('ZREM', KEYS[2], ARGV[3]) == 0 then
    return {'HOLD_EXPIRED'}
  end
else
  local used = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
  if used + redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf') >= tonumber(ARGV[2]) then
    return {'SLOT_FULL'}
  end
end
if redis.call('HINCRBY', KEYS[1], ARGV[1], 1) == 1 then
  -- the first place of the slot: the key may be new. It is only ever created here (move_local.lua moves a place
  -- within a key that exists), always with this expiry of its date, so a count above 1 means it is set already
  redis.call('EXPIREAT', KEYS[1], ARGV[5])
end
if status then
  -- MOVED here earlier and now back: the old fields (movedTo) go
  redis.call('DEL', KEYS[3])
end
redis.call('HSET', KEYS[3], unpack(ARGV, 6))
redis.call('EXPIREAT', KEYS[3], ARGV[5])
return {'BOOKED'}
