-- Marks taken messages as being sent, just before their first submit_sm. KEYS: the message records. ARGV[1] now.
-- From here on a gateway that stops mid-send leaves them SENDING, and whoever takes them again never resends them.
for i = 1, #KEYS do
  redis.call('HSET', KEYS[i], 'state', 'SENDING', 'updated', ARGV[1])
end
return #KEYS
