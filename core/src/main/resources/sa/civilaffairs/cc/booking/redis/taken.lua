-- Read-only: how many places of each listed slot are taken (bookings + live holds). One cluster slot: keys tagged
-- {bk:<office>:<date>}. KEYS[1] used places of the office-day (hash); KEYS[2..n] live holds of each slot.
-- ARGV[i] the slot field of KEYS[i+1]. Returns one integer per slot.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local used = redis.call('HMGET', KEYS[1], unpack(ARGV))
local out = {}
for i = 1, #ARGV do
  out[i] = tonumber(used[i] or '0') + redis.call('ZCOUNT', KEYS[i + 1], '(' .. now, '+inf')
end
return out
