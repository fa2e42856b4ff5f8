-- Office-day step of a reschedule to another office-day: frees the old place once the new one is taken (or undoes a
-- new place when the move cannot complete). One cluster slot: keys tagged {bk:<office>:<date>}.
-- KEYS[1] the appointment (hash)  KEYS[2] used places of the office-day (hash)
-- ARGV[1] where it moved, "office|date", or "-" to remove the appointment entirely (undo)
-- Returns {"VACATED"} | {status} when the appointment is not active here (NOT_FOUND, CANCELLED, MOVED)
local a = redis.call('HMGET', KEYS[1], 'status', 'section', 'service', 'start')
if not a[1] then
  return {'NOT_FOUND'}
end
if a[1] ~= 'BOOKED' then
  return {a[1]}
end
redis.call('HINCRBY', KEYS[2], a[2] .. '|' .. a[3] .. '|' .. a[4], -1)
if ARGV[1] == '-' then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'status', 'MOVED', 'movedTo', ARGV[1])
end
return {'VACATED'}
