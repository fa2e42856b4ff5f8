-- Marks a taken message as being sent, just before its first submit_sm. KEYS[1] the message record. ARGV[1] now.
-- From here on a gateway that stops mid-send leaves it SENDING, and whoever takes it again never resends it.
redis.call('HSET', KEYS[1], 'state', 'SENDING', 'updated', ARGV[1])
return 1
