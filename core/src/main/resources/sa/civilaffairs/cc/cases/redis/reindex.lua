-- Files a case in its indexes: removes it from the sorted sets it left, adds it to those it belongs to.
-- All KEYS are index keys of one kind and share its hash tag ({visit}, {ticket}, {lost}): one slot.
-- KEYS[1..n] sorted sets to remove the member from, KEYS[n+1..] sorted sets to add it to
-- ARGV[1] n, ARGV[2] the member (reference), ARGV[3] its score (creation time, epoch ms)
local n = tonumber(ARGV[1])
for i = 1, n do
  redis.call('ZREM', KEYS[i], ARGV[2])
end
for i = n + 1, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[2])
end
return #KEYS - n
