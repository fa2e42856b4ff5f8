-- Office-day step of a reschedule within the same office-day: one atomic move, the old place is freed only if the
-- new one is taken. One cluster slot: keys tagged {bk:<office>:<date>}.
-- KEYS[1] used places of the office-day (hash)  KEYS[2] live holds of the new slot  KEYS[3] the appointment (hash)
-- ARGV[1] person  ARGV[2] new section  ARGV[3] new start HH:MM  ARGV[4] capacity of the new slot  ARGV[5] changed-at ms
-- Returns {"MOVED"} | {"SAME"} | {"SLOT_FULL"} | {"NOT_FOUND"} | {"NOT_ACTIVE"}
local a = redis.call('HMGET', KEYS[3], 'status', 'person', 'section', 'service', 'start')
if not a[1] or a[1] == 'MOVED' or a[2] ~= ARGV[1] then
  return {'NOT_FOUND'}
end
if a[1] ~= 'BOOKED' then
  return {'NOT_ACTIVE'}
end
local old = a[3] .. '|' .. a[4] .. '|' .. a[5]
local new = ARGV[2] .. '|' .. a[4] .. '|' .. ARGV[3]
if old == new then
  return {'SAME'}
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local used = tonumber(redis.call('HGET', KEYS[1], new) or '0')
if used + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  return {'SLOT_FULL'}
end
redis.call('HINCRBY', KEYS[1], new, 1)
redis.call('HINCRBY', KEYS[1], old, -1)
redis.call('HSET', KEYS[3], 'section', ARGV[2], 'start', ARGV[3], 'changedAt', ARGV[5])
return {'MOVED'}
