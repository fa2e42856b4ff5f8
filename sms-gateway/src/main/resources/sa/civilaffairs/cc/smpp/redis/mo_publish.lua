-- Appends a complete inbound message to the stream once. KEYS[1] dedupe marker, KEYS[2] inbound stream,
-- KEYS[3] parts hash to delete (or the marker again for a single part).
-- ARGV: windowMs, then field, value pairs. Returns 1 when appended, 0 for a retransmission.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local fields = {}
for i = 2, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('XADD', KEYS[2], '*', unpack(fields))
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
if KEYS[3] ~= KEYS[1] then
  redis.call('DEL', KEYS[3])
end
return 1
