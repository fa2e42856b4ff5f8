-- Records a message accepted by the HTTP API and appends it to its outbox lane, atomically.
-- KEYS[1] outbox stream. ARGV: now, id, to, lane (1-3), client, callback, then the stream entry's field, value pairs.
local now, id = ARGV[1], ARGV[2]
local key = P .. 'mt:' .. id
redis.call('HSET', key, 'state', 'QUEUED', 'to', ARGV[3], 'lane', ARGV[4], 'client', ARGV[5], 'callback', ARGV[6],
  'created', now, 'updated', now)
log(id, now, 'QUEUED', 'client ' .. ARGV[5])
local fields = {}
for i = 7, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('XADD', KEYS[1], '*', unpack(fields))
return 1
