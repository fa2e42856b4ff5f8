-- The first ARGV[1] members of each sorted set, with scores, for a merged oldest-first queue.
-- KEYS[1..] queue sorted sets of one kind (one slot); returns member, score, member, score, ... over all keys.
local limit = tonumber(ARGV[1])
local out = {}
for i = 1, #KEYS do
  local part = redis.call('ZRANGE', KEYS[i], 0, limit - 1, 'WITHSCORES')
  for j = 1, #part do
    out[#out + 1] = part[j]
  end
end
return out
