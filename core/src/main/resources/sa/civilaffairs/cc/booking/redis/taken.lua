-- Read-only: how many places of each listed slot are taken (bookings + live holds). One cluster slot: keys tagged
-- {bk:<office>:<date>}. KEYS[1] used places of the office-day (hash)  KEYS[2] slots of the office-day that may have
-- live holds (sorted set slot field -> latest hold expiry ms)  KEYS[3..n] live holds of each slot.
-- ARGV[i] the slot field of KEYS[i+2]. Returns one integer per slot.
-- Only the slots named in KEYS[2] can have a live hold; most office-days have none, so one call answers for all.
local t = redis.call('TIME')
local since = '(' .. (tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
local used = redis.call('HMGET', KEYS[1], unpack(ARGV))
local held = {}
for _, field in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], since, '+inf')) do
  held[field] = true
end
local out = {}
for i = 1, #ARGV do
  local n = tonumber(used[i] or '0')
  if held[ARGV[i]] then
    n = n + redis.call('ZCOUNT', KEYS[i + 2], since, '+inf')
  end
  out[i] = n
end
return out
