-- Appends a complete inbound message to the stream unless it is a retransmission (mo_common.lua); marks the copy
-- either way.
-- KEYS[1] copy marker, KEYS[2] inbound stream, KEYS[3] parts hash to delete (or the marker again for a single part).
-- ARGV[1..5] as in mo_common.lua, then field, value pairs. Returns 1 when appended, 0 for a retransmission.
local now = now_ms()
if is_retransmission(KEYS[1], now) then
  -- the marker follows the last copy received: its session, its time, whether its resp leaves late
  mark(KEYS[1], now)
  return 0
end
local fields = {}
for i = 6, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('XADD', KEYS[2], '*', unpack(fields))
-- today's SMS figures (see count in mt_common.lua): one more message received on this Riyadh day
local stats = '{sms}:stats:' .. math.floor((now + 10800000) / 86400000)
if redis.call('HINCRBY', stats, 'in', 1) == 1 then
  redis.call('EXPIRE', stats, 691200)
end
mark(KEYS[1], now)
if KEYS[3] ~= KEYS[1] then
  redis.call('DEL', KEYS[3])
end
return 1
