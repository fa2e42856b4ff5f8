-- Office-day step: cancels an active appointment of its owner. One cluster slot: keys tagged {bk:<office>:<date>}.
-- KEYS[1] the appointment (hash)  KEYS[2] used places of the office-day (hash)
-- ARGV[1] the person's national ID  ARGV[2] cancelled-at ms
-- Returns {"CANCELLED"} | {"NOT_FOUND"} | {"NOT_ACTIVE"} | {"MOVED", "office|date"}
local a = redis.call('HMGET', KEYS[1], 'status', 'person', 'section', 'service', 'start', 'movedTo')
if not a[1] then
  return {'NOT_FOUND'}
end
if a[1] == 'MOVED' then
  return {'MOVED', a[6]}
end
if a[2] ~= ARGV[1] then
  return {'NOT_FOUND'}
end
if a[1] ~= 'BOOKED' then
  return {'NOT_ACTIVE'}
end
redis.call('HSET', KEYS[1], 'status', 'CANCELLED', 'changedAt', ARGV[2])
redis.call('HINCRBY', KEYS[2], a[3] .. '|' .. a[4] .. '|' .. a[5], -1)
return {'CANCELLED'}
