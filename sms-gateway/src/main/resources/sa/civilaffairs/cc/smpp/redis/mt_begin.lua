-- Marks taken messages as being sent, just before their first submit_sm. KEYS: the message records. ARGV[1] now,
-- ARGV[2] this gateway's consumer name. Only the owner of a TAKEN message may begin it: when another gateway claimed it
-- meanwhile, it is the other's to send. From here on a gateway that stops mid-send leaves it SENDING, and whoever
-- takes it again never resends it. Returns 1 (begun) or 0 (not ours) per key.
local out = {}
for i = 1, #KEYS do
  local h = redis.call('HMGET', KEYS[i], 'state', 'owner')
  if h[1] == 'TAKEN' and h[2] == ARGV[2] then
    redis.call('HSET', KEYS[i], 'state', 'SENDING', 'updated', ARGV[1])
    out[i] = 1
  else
    out[i] = 0
  end
end
return out
